export { SoftphoneBar, type RegistrationDisplay } from './components/SoftphoneBar';
