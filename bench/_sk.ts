import { skeletons, fuzzyKeys } from '../server/src/core/transliteration';
for (const w of process.argv.slice(2)) console.log(w, skeletons(w).join(','), fuzzyKeys(skeletons(w)[0]).length);
