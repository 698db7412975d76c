import './styles/global.css';
import './tandem-app.js';
