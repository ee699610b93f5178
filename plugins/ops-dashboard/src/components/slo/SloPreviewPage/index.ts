export { SloPreviewPage } from './SloPreviewPage';
export { SloPreview } from './SloPreview';
export type { SloPreviewProps } from './SloPreview';
