// Lists a user's employees through the TypeScript client that OpenAPI Generator
// (typescript-fetch) made from pegasusd's schema: the SaaS Pegasus flow, from Node.
//   node dist/list-employees.js <base URL> <API key>
// Prints the employees as JSON on one line.
import { Configuration, EmployeesApi } from "./client";

// Node's own typings (@types/node) come from npm, which the test machine does not reach.
declare const process: { argv: string[]; exit(code: number): never };

async function main(): Promise<void> {
  const [basePath, key] = process.argv.slice(2);
  const api = new EmployeesApi(new Configuration({ basePath, apiKey: () => `Api-Key ${key}` }));
  // The list is paginated as DRF's PageNumberPagination answers: {count, next, previous, results}.
  const page = await api.employeesList();
  console.log(JSON.stringify(page.results.map((e) => ({ name: e.name, department: e.department, salary: e.salary }))));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
