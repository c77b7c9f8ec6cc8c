// Every unit test runs on an in-memory IndexedDB; tests open databases with unique names.
import 'fake-indexeddb/auto';
