// A step between the first screen's route table and the screens that bring their own stylesheet (see
// app-routes.tsx): the names of those screens' chunks and stylesheets then live in this small chunk, not in
// the first screen's code. A screen's stylesheet is fetched beside its code and applied before it renders.
export const screens = {
  record: async () => (await import('../features/record/record-page')).RecordPage,
  certificate: async () => (await import('../features/certificate/certificate-page')).CertificatePage,
  // Public: opened from a printed certificate's QR code or link, signed in or not.
  verify: async () => (await import('../features/verify/verify-page')).VerifyPage,
  // A lesson's one-page handout: only those who print one need it.
  handout: async () => (await import('../features/lesson/handout-page')).HandoutPage,
  refresher: async () => (await import('../features/refresher/refresher-page')).RefresherPage,
  // The search library and its index come with it: nothing of search loads until it is used.
  search: async () => (await import('../features/search/search-page')).SearchPage,
  settings: async () => (await import('../features/settings/settings-page')).SettingsPage,
  syncSettings: async () => (await import('./sync-settings-page')).SyncSettingsPage,
  facilitate: async () => (await import('../features/facilitate/facilitate-route')).FacilitateRoute,
  // Ways back into an account and the learner's data rights: one chunk for the pages, opened rarely.
  account: async () => (await import('./account-pages')).AccountPages,
};

export type ScreenName = keyof typeof screens;
