/**
 * The catalog routes as a client, for the partner cabinet and the moderator page. JSON calls go
 * through the shared `createApiCall`; a build's bytes go up and down as they are, through the
 * `createBackendRequest` beneath it.
 */
import type { AppDetailsChange, RegistrationInput, WidgetScreen } from '../catalog/index.ts';
import { createApiCall, createBackendRequest, type BackendClientOptions, type CallOptions } from './client.ts';
import type { AppListRowView, ChangeOfferBody, ModerationRowView, ResidentWidgetView } from './catalog-contract.ts';
import type { AppView, LicenceView, WidgetView } from './catalog-records.ts';
import type { LaunchTokenResponse, TestTokenBody } from './contract.ts';

type App = Promise<{ app: AppView }>;

export interface CatalogClient {
  /** Partner staff ("mini-apps: edit"): their organisation's apps and licences. */
  partner: {
    listApps(options?: CallOptions): Promise<{ apps: AppListRowView[] }>;
    registerApp(input: RegistrationInput, options?: CallOptions): App;
    getApp(appId: string, options?: CallOptions): App;
    editApp(appId: string, change: AppDetailsChange, options?: CallOptions): App;
    attachLicence(appId: string, licence: string, options?: CallOptions): App;
    clearLicence(appId: string, options?: CallOptions): App;
    changeOffer(appId: string, offer: ChangeOfferBody, options?: CallOptions): App;
    /** Uploads the `.zip` as it is; its size is declared from the bytes. */
    uploadBuild(appId: string, fileName: string, bytes: Blob | Uint8Array, options?: CallOptions): App;
    downloadBuild(appId: string, buildId: string, options?: CallOptions): Promise<Blob>;
    sendToModeration(appId: string, options?: CallOptions): App;
    publish(appId: string, options?: CallOptions): App;
    activate(appId: string, options?: CallOptions): App;
    startTesting(appId: string, options?: CallOptions): App;
    deactivate(appId: string, options?: CallOptions): App;
    addTester(appId: string, userId: string, options?: CallOptions): App;
    removeTester(appId: string, userId: string, options?: CallOptions): App;
    listWidgets(appId: string, options?: CallOptions): Promise<{ widgets: WidgetView[] }>;
    placeWidget(appId: string, screen: WidgetScreen, options?: CallOptions): Promise<{ widget: WidgetView }>;
    setWidgetState(appId: string, widgetId: string, state: 'draft' | 'published', options?: CallOptions): Promise<{ widget: WidgetView }>;
    removeWidget(appId: string, widgetId: string, options?: CallOptions): Promise<void>;
    issueTestToken(appId: string, request: TestTokenBody, options?: CallOptions): Promise<LaunchTokenResponse>;
    listLicences(options?: CallOptions): Promise<{ licences: LicenceView[] }>;
  };
  /** Platform moderators: every app, approvals, rejections and licences. */
  moderator: {
    listApps(options?: CallOptions & { status?: AppView['status'] }): Promise<{ apps: ModerationRowView[] }>;
    getApp(appId: string, options?: CallOptions): App;
    downloadBuild(appId: string, buildId: string, options?: CallOptions): Promise<Blob>;
    approve(appId: string, options?: CallOptions): App;
    reject(appId: string, reason: string, options?: CallOptions): App;
    listLicences(options?: CallOptions): Promise<{ licences: LicenceView[] }>;
    addLicence(licence: { name: string; organisationId: string }, options?: CallOptions): Promise<{ licence: LicenceView }>;
  };
  /** The signed-in resident's widgets on one screen. */
  widgets(screen: WidgetScreen, options?: CallOptions): Promise<{ screen: WidgetScreen; widgets: ResidentWidgetView[] }>;
}

export function createCatalogClient(options: BackendClientOptions): CatalogClient {
  const call = createApiCall(options);
  const request = createBackendRequest(options);
  const s = encodeURIComponent;
  const session = { session: true } as const;
  const app = (id: string) => `/catalog/apps/${s(id)}`;

  /** A call whose body or answer is bytes (a build's zip); failures decode like every other call's. */
  const bytesCall = (method: string, path: string, body: Blob | undefined, o?: CallOptions) =>
    request(method, path, session, body ? { body, contentType: 'application/zip' } : {}, o);

  const move = (path: string) => (id: string, o?: CallOptions) => call<{ app: AppView }>('POST', `${app(id)}/${path}`, session, undefined, o);

  return {
    partner: {
      listApps: (o) => call('GET', '/catalog/apps', session, undefined, o),
      registerApp: (input, o) => call('POST', '/catalog/apps', session, input, o),
      getApp: (id, o) => call('GET', app(id), session, undefined, o),
      editApp: (id, change, o) => call('PATCH', app(id), session, change, o),
      attachLicence: (id, licence, o) => call('PUT', `${app(id)}/licence`, session, { licence }, o),
      clearLicence: (id, o) => call('DELETE', `${app(id)}/licence`, session, undefined, o),
      changeOffer: (id, offer, o) => call('PUT', `${app(id)}/offer`, session, offer, o),
      async uploadBuild(id, fileName, bytes, o) {
        const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
        const response = await bytesCall('POST', `${app(id)}/builds?fileName=${s(fileName)}&size=${blob.size}`, blob, o);
        return (await response.json()) as { app: AppView };
      },
      downloadBuild: async (id, buildId, o) => (await bytesCall('GET', `${app(id)}/builds/${s(buildId)}/bundle`, undefined, o)).blob(),
      sendToModeration: move('send-to-moderation'),
      publish: move('publish'),
      activate: move('activate'),
      startTesting: move('start-testing'),
      deactivate: move('deactivate'),
      addTester: (id, userId, o) => call('PUT', `${app(id)}/testers/${s(userId)}`, session, undefined, o),
      removeTester: (id, userId, o) => call('DELETE', `${app(id)}/testers/${s(userId)}`, session, undefined, o),
      listWidgets: (id, o) => call('GET', `${app(id)}/widgets`, session, undefined, o),
      placeWidget: (id, screen, o) => call('POST', `${app(id)}/widgets`, session, { screen }, o),
      setWidgetState: (id, widgetId, state, o) => call('PUT', `${app(id)}/widgets/${s(widgetId)}/state`, session, { state }, o),
      removeWidget: (id, widgetId, o) => call('DELETE', `${app(id)}/widgets/${s(widgetId)}`, session, undefined, o),
      issueTestToken: (id, request, o) => call('POST', `${app(id)}/test-tokens`, session, request, o),
      listLicences: (o) => call('GET', '/catalog/licences', session, undefined, o),
    },
    moderator: {
      listApps: (o) => call('GET', `/moderation/apps${o?.status ? `?status=${s(o.status)}` : ''}`, session, undefined, o),
      getApp: (id, o) => call('GET', `/moderation/apps/${s(id)}`, session, undefined, o),
      downloadBuild: async (id, buildId, o) => (await bytesCall('GET', `/moderation/apps/${s(id)}/builds/${s(buildId)}/bundle`, undefined, o)).blob(),
      approve: (id, o) => call('POST', `/moderation/apps/${s(id)}/approve`, session, undefined, o),
      reject: (id, reason, o) => call('POST', `/moderation/apps/${s(id)}/reject`, session, { reason }, o),
      listLicences: (o) => call('GET', '/moderation/licences', session, undefined, o),
      addLicence: (licence, o) => call('POST', '/moderation/licences', session, licence, o),
    },
    widgets: (screen, o) => call('GET', `/widgets/${s(screen)}`, session, undefined, o),
  };
}
