export { PRECISIONS, GPU_TYPES, GPU_MODELS, supportsPrecision, gpuTypesSupporting } from './gpu-types';
export type { Precision, GpuType, GpuGeneration, GpuModel } from './gpu-types';
export { CLOUDS, OfferingSchema, CatalogSchema, offeringKey } from './offering';
export type { Cloud, Offering, Catalog } from './offering';
export { BUNDLED_CATALOG, BUNDLED_CATALOG_VERSION, BUNDLED_CATALOG_AS_OF } from './bundled';
export { CATALOG_MODES, CatalogOverrideSchema, parseCatalog, resolveCatalog, applyCatalogOverride } from './custom';
export type { CatalogMode, CatalogOverride, CatalogOverrideInput, ResolveCatalogOptions } from './custom';
export { formatCatalogTable, catalogToJson } from './format';
