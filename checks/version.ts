import pkg from '../package.json' with { type: 'json' };
import type { ToolInfo } from './model/report.js';

export const TOOL: ToolInfo = { name: 'hipaa-guard', version: pkg.version };
