import { defineHandlers } from '../../app/handlerTypes';
import { visitStats } from '../visits/service';
import { publicationOf, requestRollback, requestUnsignedPublish } from './service';

/** A site on the platform (issue 10): publication and visit statistics. */
export const publishingHandlers = defineHandlers({
  'sites.publication': ({ siteId }, ctx) => publicationOf(ctx, siteId),
  'sites.rollback': ({ siteId, revision }, ctx) => requestRollback(ctx, siteId, revision),
  'sites.publishUnsigned': ({ siteId, reason }, ctx) => requestUnsignedPublish(ctx, siteId, reason),
  'sites.visitStats': (input, ctx) => visitStats(ctx, input),
});
