import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/AuthContext.js';
import { HOME_PATHS, homePage } from './homePage.js';

/** The way back from a page that is not there (or not the user's) to their own first page. */
export function HomeLink() {
  const { t } = useTranslation();
  const home = homePage(useUser().role);
  return <Link to={HOME_PATHS[home]}>{t(`notFound.back.${home}`)}</Link>;
}
