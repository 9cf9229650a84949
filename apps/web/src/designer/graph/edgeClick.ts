import { createContext, useContext } from 'react';

/** Lets edge labels (drawn outside React Flow's SVG) select their transition. */
export const EdgeClick = createContext<(edgeId: string) => void>(() => undefined);
export const useEdgeClick = () => useContext(EdgeClick);
