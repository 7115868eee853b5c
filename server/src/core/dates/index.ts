/**
 * Dates: the article's own date (a `date 2024-04-19` header or a setting), the date
 * expressions in its text with normalised values, and what a hover says about them.
 */
export { parseDateHeader, parseDateSetting, articleDate } from './header';
export { findDates } from './findDates';
export { describeDate, dateHoverMarkdown, type DateDescription } from './describe';
export { parseIsoDate, parseDateValue, isResolved, UNRESOLVED, dayRange, type ParsedDate } from './value';
