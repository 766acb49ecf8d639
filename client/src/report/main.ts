// Entry point of the board report page (/report).
import '../csp.js';
import '../styles.css';
import './report.css';
import { byId } from '../dom.js';
import { drawReport } from './report-page.js';

void drawReport(byId('report'), location.search);
