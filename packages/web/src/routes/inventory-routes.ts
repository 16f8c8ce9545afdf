import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { orgRoute } from "./root-routes";

/** `?archived=true` shows archived records too. */
const archivedSearch = (s: Record<string, unknown>): { archived?: boolean } => ({
  archived: s.archived === true || s.archived === "true" ? true : undefined,
});

/* The AI inventory's components: models, datasets and vendors (list, new, detail, edit). */
const modelsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "models",
  validateSearch: archivedSearch,
  component: lazyRouteComponent(() => import("../features/models/model-list-page"), "ModelListPage"),
});

const modelNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "models/new",
  component: lazyRouteComponent(() => import("../features/models/model-form"), "ModelNewPage"),
});

const modelDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "models/$modelId",
  component: lazyRouteComponent(() => import("../features/models/model-detail-page"), "ModelDetailPage"),
});

const modelEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "models/$modelId/edit",
  component: lazyRouteComponent(() => import("../features/models/model-form"), "ModelEditPage"),
});

const datasetsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "datasets",
  validateSearch: archivedSearch,
  component: lazyRouteComponent(() => import("../features/datasets/dataset-list-page"), "DatasetListPage"),
});

const datasetNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "datasets/new",
  component: lazyRouteComponent(() => import("../features/datasets/dataset-form"), "DatasetNewPage"),
});

const datasetDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "datasets/$datasetId",
  component: lazyRouteComponent(
    () => import("../features/datasets/dataset-detail-page"),
    "DatasetDetailPage",
  ),
});

const datasetEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "datasets/$datasetId/edit",
  component: lazyRouteComponent(() => import("../features/datasets/dataset-form"), "DatasetEditPage"),
});

const vendorsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "vendors",
  component: lazyRouteComponent(() => import("../features/vendors/vendor-pages"), "VendorListPage"),
});

const vendorNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "vendors/new",
  component: lazyRouteComponent(() => import("../features/vendors/vendor-form"), "VendorNewPage"),
});

const vendorEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "vendors/$vendorId/edit",
  component: lazyRouteComponent(() => import("../features/vendors/vendor-form"), "VendorEditPage"),
});

const vendorDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "vendors/$vendorId",
  component: lazyRouteComponent(() => import("../features/vendors/vendor-pages"), "VendorDetailPage"),
});

export const inventoryRoutes = [
  modelsRoute,
  modelNewRoute,
  modelDetailRoute,
  modelEditRoute,
  datasetsRoute,
  datasetNewRoute,
  datasetDetailRoute,
  datasetEditRoute,
  vendorsRoute,
  vendorDetailRoute,
  vendorNewRoute,
  vendorEditRoute,
] as const;
