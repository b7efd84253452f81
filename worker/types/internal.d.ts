// Pieces shared by the declaration files and deliberately not re-exported from index.d.ts.

// Type-only keys. Nothing is stored under them at run time: they let the compiler carry what it
// knows about a column, table, relation or expression without a property users could see,
// autocomplete or collide with (every string key of a table object is one of its columns).
export declare const builderInfo: unique symbol;
export declare const columnInfo: unique symbol;
export declare const tableInfo: unique symbol;
export declare const indexInfo: unique symbol;
export declare const relationInfo: unique symbol;
export declare const relationsInfo: unique symbol;
export declare const conditionInfo: unique symbol;
export declare const orderInfo: unique symbol;
export declare const sqlInfo: unique symbol;
export declare const valueInfo: unique symbol;
export declare const driverInfo: unique symbol;
export declare const sourceInfo: unique symbol;

/** Flattens an intersection into one object type, so editors show plain rows. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
