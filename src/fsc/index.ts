/** The FSC integration layer: its migrations (schema `fsc`), applied with every other component's. */
export const FSC_MIGRATIONS = { owner: 'fsc', dir: new URL('./migrations/', import.meta.url) };
