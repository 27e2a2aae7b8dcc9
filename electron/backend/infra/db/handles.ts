/**
 * The one connection, typed by what the holder may do with it (Signal Desktop's ReadableDB /
 * WritableDB): repository functions that write take a `WritableDB`, and only the write queue
 * (writeQueue.ts) hands one out. Code that does not hold the queue — queries, the sync engine
 * between its steps — has a `ReadableDB` and cannot call a writing function.
 */
import type Database from 'better-sqlite3';

declare const readable: unique symbol;
declare const writable: unique symbol;

export type ReadableDB = Database.Database & { readonly [readable]: true };
export type WritableDB = ReadableDB & { readonly [writable]: true };

/** The typed views of a freshly opened connection (the database module's only cast). */
export const asReadable = (db: Database.Database): ReadableDB => db as ReadableDB;
export const asWritable = (db: ReadableDB): WritableDB => db as WritableDB;
