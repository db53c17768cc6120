import { render } from 'preact';
import { ApiClient } from './api';
import { App } from './shell/App';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<App api={new ApiClient()} />, root);
