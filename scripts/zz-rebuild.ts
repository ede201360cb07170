import { refreshDashboardFigures } from "../app/jobs/refresh-dashboard-figures.server";
const t = performance.now();
console.log(await refreshDashboardFigures(new Date(), { rebuild: true }), ((performance.now() - t) / 1000).toFixed(1), "s");
process.exit(0);
