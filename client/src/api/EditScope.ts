/**
 * Which occurrences of a series an edit or delete of one occurrence reaches: Google Calendar's "This event",
 * "This and following events" and "All events"; the API's `?scope=this|following|all`.
 */
export type EditScope = 'this' | 'following' | 'all';
