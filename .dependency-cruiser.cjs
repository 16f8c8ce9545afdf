/** The house's dependency rule: core ← db ← app ← server, cli; core ← web. */
const pkg = (name) => `^packages/${name}/`;
module.exports = {
  forbidden: [
    { name: "core-is-pure", severity: "error", comment: "core has no I/O and depends on no other package",
      from: { path: pkg("core"), pathNot: "\\.test\\.ts$" }, to: { path: "^packages/(db|app|server|cli|web)/|^node:|^(fs|path|crypto|http|net|child_process|os)$", dependencyTypesNot: ["type-only"] } },
    { name: "db-only-core", severity: "error", from: { path: pkg("db") }, to: { path: "^packages/(app|server|cli|web)/" } },
    { name: "app-no-adapters", severity: "error", from: { path: pkg("app") }, to: { path: "^packages/(server|cli|web)/" } },
    { name: "server-not-cli-web", severity: "error", from: { path: pkg("server") }, to: { path: "^packages/(cli|web)/" } },
    { name: "cli-not-server-web", severity: "error", comment: "the CLI talks to the server over HTTP or runs app use cases",
      from: { path: pkg("cli"), pathNot: "\\.test\\.ts$|/testing/" }, to: { path: "^packages/(server|web)/" } },
    { name: "web-only-core", severity: "error", comment: "web talks to the server through the typed client only",
      from: { path: pkg("web") }, to: { path: "^packages/(db|app|server|cli)/" } },
    { name: "no-internals", severity: "error", comment: "import a package through its index, never its internals",
      from: { path: "^packages/([^/]+)/" }, to: { path: "^packages/([^/]+)/src/.+", pathNot: ["^packages/$1/", "^packages/[^/]+/src/index\\.ts$", "^packages/[^/]+/src/testing/index\\.ts$"] } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules|dist" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    preserveSymlinks: false,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "default"], extensions: [".ts", ".tsx", ".js"] },
  },
};
