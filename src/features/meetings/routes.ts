// JSON API of the meetings area for staff (issue #7). Routes are added here as the use cases land.
import type { FastifyPluginAsync } from 'fastify';

const routes: FastifyPluginAsync = async () => {};

export default routes;
