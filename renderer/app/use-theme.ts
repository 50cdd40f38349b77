/** Applies the theme setting: 'system' leaves it to prefers-color-scheme (see theme.css). */
import { useEffect } from 'react';
import type { Theme } from '../../shared/types';

export function useTheme(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
