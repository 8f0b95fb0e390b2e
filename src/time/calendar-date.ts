/** A KST calendar date as `YYYY-MM-DD` (the vendor sends `YYYYMMDD`). */
export type CalendarDate = string;
