import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts every SQL statement the ORM sends. Used by tests that prove a page issues a constant
 * number of statements, and by anyone reading what a request costs. Logging itself stays off
 * unless MikroORM's `debug` is on.
 */
export const sqlStatements = { count: 0, recent: [] as string[], keepRecent: false };

export class CountingLogger extends DefaultLogger {
  constructor(options: LoggerOptions) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    sqlStatements.count++;
    if (sqlStatements.keepRecent) sqlStatements.recent.push(context.query);
    super.logQuery(context);
  }
}
