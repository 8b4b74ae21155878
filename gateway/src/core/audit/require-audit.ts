import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../context';
import { ErrorCode, defaultMessages } from '../errors';

/**
 * A mutation that acted with a staff permission must have written an audit entry. Outside
 * production a missing entry turns the response into an error, so a forgotten `audit.record`
 * fails the tests of that mutation; in production it is logged.
 */
export function auditGuardPlugin(strict: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const audit = contextValue.audit;
          if (operation?.operation !== 'mutation' || !audit.actedAsStaff || audit.recorded > 0) return;
          // A mutation refused with an error changed nothing, so it owes no entry.
          if (response.body.kind === 'single' && response.body.singleResult.errors?.length) return;
          const fields = operation.selectionSet.selections.map((sel) => (sel.kind === 'Field' ? sel.name.value : sel.kind));
          contextValue.log.error({ operation: operation.name?.value, fields }, 'staff mutation recorded no audit entry');
          if (strict && response.body.kind === 'single') {
            const error = new GraphQLError(defaultMessages.INTERNAL, { extensions: { code: ErrorCode.INTERNAL, reason: 'AUDIT_MISSING' } });
            response.body.singleResult.errors = [...(response.body.singleResult.errors ?? []), error.toJSON()];
          }
        },
      };
    },
  };
}
