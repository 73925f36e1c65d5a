// The docs repository the lesson's notes read and write: the app's own database, or in tests a simulated
// device's, so two devices' screens can run side by side over their own databases.
import { createContext, useContext } from 'react';
import { type DocsRepo, docsRepo } from '../../db/docs-repo';

export const DocsRepoContext = createContext<DocsRepo>(docsRepo);

export const useDocsRepo = (): DocsRepo => useContext(DocsRepoContext);
