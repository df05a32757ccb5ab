// Demo meetings of the 示例县 government (issue #7). Filled in as the area lands.
import type { Db } from '../db/client.js';

export async function seedDemoMeetings(_db: Db): Promise<void> {}
