import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/options.css';

render(<OptionsApp />, document.getElementById('app')!);
