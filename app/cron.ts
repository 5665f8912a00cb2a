/**
 * The standard 5-field cron syntax (minute hour day-of-month month day-of-week), evaluated in
 * UTC: `*`, values, ranges `a-b`, steps `*\/n` and `a-b/n`, lists `a,b`, month and weekday
 * names (`jan`, `mon`), 7 as Sunday, and `@hourly` / `@daily` / `@weekly` / `@monthly`.
 * As in cron, when both day fields are restricted a day matching either one fires.
 */

export interface CronSchedule {
  readonly expression: string;
  /** The first firing strictly after `after`, on a whole minute. */
  next(after: Date): Date;
}

export class CronError extends Error {
  constructor(expression: string, problem: string) {
    super(`invalid cron expression "${expression}": ${problem}`);
    this.name = 'CronError';
  }
}

const ALIASES: Record<string, string> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names for values, starting at `min`. */
  names?: string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too; folded onto 0 below.
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];

/** Searching further than this means the expression can never fire (`0 0 30 2 *`). */
const SEARCH_LIMIT_MINUTES = 5 * 366 * 24 * 60;

export function parseCron(expression: string): CronSchedule {
  const text = ALIASES[expression.trim().toLowerCase()] ?? expression.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new CronError(expression, `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`);
  const [minutes, hours, days, months, weekdays] = FIELDS.map((spec, index) => parseField(expression, parts[index] ?? '', spec));
  if (!minutes || !hours || !days || !months || !weekdays) throw new CronError(expression, 'missing field');
  if (weekdays.has(7)) weekdays.add(0);
  const daysRestricted = parts[2] !== '*';
  const weekdaysRestricted = parts[4] !== '*';

  const dayMatches = (date: Date): boolean => {
    const byMonthDay = days.has(date.getUTCDate());
    const byWeekday = weekdays.has(date.getUTCDay());
    if (daysRestricted && weekdaysRestricted) return byMonthDay || byWeekday;
    return byMonthDay && byWeekday;
  };

  return {
    expression,
    next(after: Date): Date {
      const time = new Date(after.getTime());
      time.setUTCSeconds(0, 0);
      time.setUTCMinutes(time.getUTCMinutes() + 1);
      for (let step = 0; step < SEARCH_LIMIT_MINUTES; step++) {
        if (!months.has(time.getUTCMonth() + 1)) {
          time.setUTCMonth(time.getUTCMonth() + 1, 1);
          time.setUTCHours(0, 0);
        } else if (!dayMatches(time)) {
          time.setUTCDate(time.getUTCDate() + 1);
          time.setUTCHours(0, 0);
        } else if (!hours.has(time.getUTCHours())) {
          time.setUTCHours(time.getUTCHours() + 1, 0);
        } else if (!minutes.has(time.getUTCMinutes())) {
          time.setUTCMinutes(time.getUTCMinutes() + 1);
        } else {
          return time;
        }
      }
      throw new CronError(expression, 'it never fires');
    },
  };
}

function parseField(expression: string, field: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const match = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(item);
    if (!match?.[1]) throw new CronError(expression, `${spec.name} "${field}" is not a value, range, list or step`);
    const [range, stepText] = [match[1], match[2]];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) throw new CronError(expression, `${spec.name} step must be at least 1`);
    let [low, high] = [spec.min, spec.max];
    if (range !== '*') {
      const [from = '', to] = range.split('-');
      low = valueOf(expression, from, spec);
      high = to === undefined ? (stepText === undefined ? low : spec.max) : valueOf(expression, to, spec);
      if (high < low) throw new CronError(expression, `${spec.name} range ${range} runs backwards`);
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return values;
}

function valueOf(expression: string, text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const value = named >= 0 ? named + spec.min : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw new CronError(expression, `${spec.name} "${text}" is outside ${spec.min}-${spec.max}`);
  }
  return value;
}
