import { planBuildShards } from '../node/sharded-build.ts';
import { checkContent } from './build.ts';
import { parseCommandArgs, parseShardReports } from './args.ts';

/**
 * Prints the shards `nianjian build` would make, as a JSON list of names: the matrix of a CI workflow that
 * builds each shard in a job of its own (`nianjian build --shard <name>`), then merges them (`--merge-shards`).
 */
export async function runShards(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { content: { type: 'string' }, public: { type: 'boolean' }, 'shard-reports': { type: 'string' } }, 'shards');
  const shardReports = parseShardReports(values['shard-reports']);
  const { publishedReports } = checkContent(values.content, values.public ? 'public' : 'internal');
  const shards = planBuildShards(publishedReports, shardReports) ?? [];
  console.log(JSON.stringify(shards.length > 1 ? shards.map((shard) => shard.name) : []));
  return 0;
}
