import { Route, Routes } from 'react-router-dom';
import { registerDesignerTexts } from './i18n/registerDesignerTexts.js';
import { ProtocolListPage } from './pages/ProtocolListPage.js';
import { DraftEditorPage } from './pages/DraftEditorPage.js';
import { DiffPage } from './pages/DiffPage.js';
import './designer.css';

registerDesignerTexts();

/**
 * The protocol designer, mounted by the app shell at /designer/*: the list of protocols and
 * drafts, the editor of a draft, and the comparison of two versions.
 */
export default function DesignerApp() {
  return (
    <div className="dz-app">
      <Routes>
        <Route index element={<ProtocolListPage />} />
        <Route path="drafts/:draftId" element={<DraftEditorPage />} />
        <Route path="diff" element={<DiffPage />} />
      </Routes>
    </div>
  );
}
