import { loadCatalogue } from '../src/i18n/catalogue.js';

await loadCatalogue();
