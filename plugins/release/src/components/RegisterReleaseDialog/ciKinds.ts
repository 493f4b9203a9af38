/** Catalog kinds a release can change, as the catalog spells them. */
export const CI_KINDS_FOR_PICKER = [
  'Component',
  'API',
  'Resource',
  'System',
  'Domain',
];
