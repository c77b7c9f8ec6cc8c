// French strings of the app shell.
// Typed against en.ts: a missing or stray key fails the type check.
import type { Widen } from '../../ui/widen';
import type { en } from './en';

export const fr: Widen<typeof en> = {
  app: { name: 'Point de vente' },
  common: {
    loading: 'Chargement…',
    close: 'Fermer',
    cancel: 'Annuler',
    confirm: 'Confirmer',
    save: 'Enregistrer',
    back: 'Retour',
    next: 'Suivant',
    retry: 'Réessayer',
    refresh: 'Actualiser',
    search: 'Rechercher',
    empty: 'Rien pour le moment.',
    error: 'Une erreur est survenue : {{reason}}',
    yes: 'Oui',
    no: 'Non',
    total: 'Total',
    none: 'Aucun',
  },
  boot: {
    failed:
      'Impossible d’ouvrir la base de données locale ({{reason}}). Fermez les autres onglets de la caisse et réessayez.',
  },
  update: {
    available: 'Une nouvelle version de la caisse est prête.',
    reload: 'Mettre à jour',
    afterSale: 'Elle sera de nouveau proposée à la fin de la vente en cours.',
  },
  welcome: {
    title: 'Bienvenue',
    intro: 'Connectez cette caisse à votre back-office avec un code de synchronisation, ou essayez la boutique de démonstration.',
    demo: 'Ouvrir la boutique de démonstration',
    loadingDemo: 'Préparation de la boutique de démonstration…',
    demoFailed: 'Impossible de créer la boutique de démonstration ({{reason}}).',
  },
  pin: { ok: 'OK', clear: 'Effacer' },
  login: {
    chooseOperator: 'Opérateur',
    pin: 'Code PIN',
    noOperators: 'Aucun opérateur n’est configuré sur cette caisse. Mettez à jour les données depuis le back-office.',
    error: {
      'wrong-pin': 'Code PIN incorrect.',
      inactive: 'Cet opérateur est désactivé.',
      'no-role': 'Cet opérateur n’a aucun rôle. Adressez-vous au back-office.',
    },
  },
  menu: {
    title: 'Menu',
    till: 'Caisse',
    sale: 'Vente',
    receipts: 'Tickets',
    customers: 'Clients',
    shift: 'Session',
    lists: 'Listes',
    data: 'Données',
    dataUpdate: 'Mise à jour des données',
    tools: 'Outils',
    dailyBackup: 'Sauvegarde journalière',
    organizations: 'Organisations',
    restore: 'Restauration',
    settings: 'Paramètres',
    lock: 'Verrouiller',
  },
  lists: {
    articles: 'Articles',
    prices: 'Prix',
    currencies: 'Devises',
    clients: 'Clients',
    operators: 'Opérateurs',
  },
  settings: {
    general: { title: 'Paramètres' },
    connection: { title: 'Connexion' },
    language: { title: 'Langue' },
    storage: {
      title: 'Stockage',
      persist: {
        granted: 'Stockage persistant accordé : le navigateur ne supprimera pas les données de la caisse.',
        denied:
          'Stockage persistant refusé : le navigateur peut supprimer des données en cas de manque d’espace. Installez l’application ou faites des sauvegardes.',
        unknown: 'Stockage persistant : état encore inconnu.',
      },
      usage: '{{used}} utilisés sur {{quota}}.',
    },
    printer: { title: 'Imprimante', paper: 'Largeur du papier', width: '{{mm}} mm' },
  },
  rights: {
    missing: 'Vous n’avez pas le droit « {{right}} ».',
    askSupervisor: 'PIN superviseur',
    supervisorTitle: 'Autorisation du superviseur',
    supervisorFor: 'Un superviseur doit autoriser : {{right}}.',
    supervisorPin: 'PIN superviseur',
    supervisorRefused: 'Ce code PIN n’appartient pas à un opérateur disposant de ce droit.',
    names: {
      sell: 'vendre',
      discount: 'accorder des remises',
      voidLine: 'annuler une ligne',
      refund: 'rembourser',
      refundWithoutReceipt: 'rembourser sans ticket',
      openDrawer: 'ouvrir le tiroir-caisse',
      closeShift: 'clôturer la session',
      settings: 'modifier les paramètres',
      backup: 'effectuer des sauvegardes',
    },
  },
  shift: { openNumber: 'Session {{number}}', closed: 'Aucune session ouverte' },
};
