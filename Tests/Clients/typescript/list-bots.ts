// Lists the bots of a token's workspace through the TypeScript client that OpenAPI Generator
// (typescript-fetch) made from pegasusd's schema: a route a personal access token with
// `bots:read` reaches.
//   node dist/list-bots.js <base URL> <token>
// Prints the bots' names as JSON on one line.
import { BotsApi, Configuration } from "./client";

declare const process: { argv: string[]; exit(code: number): never };

async function main(): Promise<void> {
  const [basePath, token] = process.argv.slice(2);
  const api = new BotsApi(new Configuration({ basePath, accessToken: token }));
  const page = await api.botsList();
  console.log(JSON.stringify({ count: page.count, names: page.results.map((bot) => bot.name) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
