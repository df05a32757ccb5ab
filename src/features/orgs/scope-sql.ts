// The organization scope of src/domain/policy.ts as a SQL condition, for list queries: the
// database filters, so a department never receives another department's rows.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../../domain/policy.js';
import { organizations } from './schema.js';

export function orgScopeCondition(scope: Scope, orgIdColumn: AnyPgColumn): SQL {
  switch (scope.kind) {
    case 'none':
      return sql`false`;
    case 'org':
      return eq(orgIdColumn, scope.orgId);
    case 'subtree':
      return sql`${orgIdColumn} in (select ${organizations.id} from ${organizations} where ${organizations.path} like ${`${scope.path}%`})`;
  }
}
