// Portal pages of the meetings area (issue #7). Pages are added here as the use cases land.
import type { FastifyPluginAsync } from 'fastify';

const pages: FastifyPluginAsync = async () => {};

export default pages;
