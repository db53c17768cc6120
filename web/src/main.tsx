import { render } from 'preact';
import { ApiClient } from './api';
import { Root } from './shell/Root';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<Root api={new ApiClient()} path={location.pathname} />, root);
