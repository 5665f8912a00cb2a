/**
 * What the Action says and writes on the runner, behind one small port: `runnerPort` is
 * @actions/core on a runner; tests hand runAction a port that records, so the Action's logic is
 * tested from source, not only through the bundle.
 */
import * as core from '@actions/core';

/** Where a workflow-command annotation points. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

export interface ActionPort {
  info: (line: string) => void;
  warning: (message: string, properties?: AnnotationProperties) => void;
  error: (message: string, properties?: AnnotationProperties) => void;
  notice: (message: string, properties?: AnnotationProperties) => void;
  setOutput: (name: string, value: string | number) => void;
  /** Appends Markdown to the step's job summary; does nothing where there is none. */
  writeJobSummary: (markdown: string) => Promise<void>;
}

export function runnerPort(env: Record<string, string | undefined>): ActionPort {
  return {
    info: (line) => core.info(line),
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    notice: (message, properties) => core.notice(message, properties),
    setOutput: (name, value) => core.setOutput(name, value),
    async writeJobSummary(markdown) {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
