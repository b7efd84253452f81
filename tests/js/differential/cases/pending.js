// Cases for features other branches are building; each names what it waits for. Moving a case
// into its family's file (and out of here) is all it takes to run it once the feature lands.
export const PENDING = [];
