import type { Principal } from '../../../platform/auth/principal';
import { hashSecret } from '../../../platform/auth/secrets';
import type { AppError } from '../../../platform/http/app-error';
import { translate, type Locale } from '../../../platform/i18n/locale';
import type { FeedbackServices } from '../feedback.services';
import { TtlMemo } from '../memo';
import { formatDue } from '../notifications';
import { closedStatuses, openStatuses, type ReportStatus } from '../report-states';
import { agencyNames, findReport } from '../service-support';
import { Open311Error, type XmlObject } from './open311.format';
import { dateRange, latLong, listOf, paging, type Open311Params } from './open311.params';
import { Open311Repo, open311RowOf, type Open311Row } from './open311.repo';
import { presentRequest, presentUpdate } from './open311.presenter';

const MAX_REQUESTS = 1000;
const API_KEY_MEMO_MS = 5_000;
const DESCRIPTION_MAX = 4000;
// FixMyStreet sends this when the user did not put a pin on the map.
const NOT_PINPOINTED = '#NOTPINPOINTED#';

/** GeoReport v2 over the feedback services: parameters in, Open311 documents out. */
export class Open311Service {
  readonly #repo: Open311Repo;
  readonly #apiKeys = new TtlMemo<Principal | null>(API_KEY_MEMO_MS);

  constructor(private readonly services: FeedbackServices) {
    this.#repo = new Open311Repo(services.ctx.platform.db);
  }

  /**
   * The caller behind an api_key (form, query) or the Authorization header; 403 otherwise. A valid key
   * is remembered for API_KEY_MEMO_MS (by its hash), so a client posting reports in a burst costs no
   * token lookups: a revoked key or deactivated user is refused within that time in every process
   * (Open311 POSTs file citizen reports, which the anonymous web form accepts anyway). An unknown key
   * is never remembered: a key created a moment ago works at once.
   */
  async principal(
    params: Open311Params,
    headerPrincipal: Principal | null,
    action: string,
  ): Promise<Principal> {
    const key = params.get('api_key');
    const principal = key
      ? await this.#apiKeys.get(
          hashSecret(key),
          () => this.services.ctx.options.apiKeys.principalForToken(key),
          (found) => found !== null,
        )
      : headerPrincipal;
    if (!principal) throw new Open311Error(403, `Invalid api_key received -- can't proceed with ${action}.`);
    return principal;
  }

  async create(params: Open311Params, principal: Principal, locale: Locale): Promise<XmlObject[]> {
    const code = params.get('service_code');
    if (!code) throw new Open311Error(400, 'service_code was not provided');
    const category = await this.services.submissions.findCategory(code);
    if (!category?.active) throw new Open311Error(404, `service_code ${code} was not found`);
    const description = params.get('description') ?? '';
    if (description.length > DESCRIPTION_MAX)
      throw new Open311Error(400, `description is longer than ${DESCRIPTION_MAX} characters`);
    const mediaUrl = params.get('media_url');
    const { report } = await this.services.submissions.submit(
      {
        channel: 'open311',
        categoryCode: category.code,
        description,
        ...placeOf(params),
        attributes: { ...params.attributes() },
        contact: contactOf(params),
        locale,
        // The client application collected the citizen's consent when it took their details.
        consentVersion: 'open311-client',
        submittedBy: principal.userId,
        ...(mediaUrl && /^https?:\/\//i.test(mediaUrl) ? { mediaUrl } : {}),
      },
      principal.actor(null),
    );
    return [
      {
        service_request_id: report.trackingCode,
        service_notice: report.dueAt ? `Hạn trả lời dự kiến: ${formatDue(report.dueAt)}` : null,
        account_id: null,
      },
    ];
  }

  /** GET requests: service_request_id overrides every other argument. */
  async list(params: Open311Params, now = new Date()): Promise<XmlObject[]> {
    const ids = listOf(params.get('service_request_id'), MAX_REQUESTS, 'service_request_id');
    if (ids) {
      const reports = await this.#repo.page({
        trackingCodes: ids.map((id) => id.toUpperCase()),
        excludeSpam: true,
        limit: MAX_REQUESTS,
        offset: 0,
      });
      return this.#present(reports);
    }
    const range = dateRange(params, now);
    const statuses = this.#statuses(listOf(params.get('status'), 2, 'status'));
    const codes = listOf(params.get('service_code'), 100, 'service_code');
    const { limit, offset } = paging(params, MAX_REQUESTS);
    const reports = await this.#repo.page({
      from: range.start,
      to: new Date(range.end.getTime() + 1),
      excludeSpam: true,
      limit,
      offset,
      ...(statuses ? { statuses } : {}),
      ...(codes ? { categoryCodes: codes } : {}),
    });
    return this.#present(reports);
  }

  async one(id: string): Promise<XmlObject[]> {
    const report = await findReport(this.services.ctx, id);
    if (!report || report.rejectionReason === 'spam')
      throw new Open311Error(404, `service_request_id ${id} was not found`);
    const photos = report.publishedAt ? await this.services.ctx.photos.firstOf([report.id]) : null;
    return this.#present([open311RowOf(report, photos?.get(report.id) ?? null)]);
  }

  /** Requests are realtime, so there are no batch tokens: a tracking code answers as its own token. */
  async token(token: string): Promise<XmlObject[]> {
    const report = await findReport(this.services.ctx, token);
    if (!report) throw new Open311Error(404, `token ${token} was not found`);
    return [{ service_request_id: report.trackingCode, token }];
  }

  /** FixMyStreet's GET servicerequestupdates: public history rows in a range (default the last day). */
  async updates(params: Open311Params, now = new Date()): Promise<XmlObject[]> {
    const hasRange = params.get('start_date') || params.get('end_date');
    const range = hasRange
      ? dateRange(params, now)
      : { start: new Date(now.getTime() - 86_400_000), end: now };
    const updates = await this.services.ctx.history.publicUpdates(range.start, range.end, MAX_REQUESTS);
    return updates.map(presentUpdate);
  }

  /**
   * FixMyStreet's POST servicerequestupdates: a citizen's update on a report, kept as an internal note
   * in its history for the hub to act on (the status it carries is the client's view, not a command).
   */
  async postUpdate(params: Open311Params, principal: Principal): Promise<XmlObject[]> {
    const id = params.get('service_request_id');
    if (!id) throw new Open311Error(400, 'service_request_id was not provided');
    const report = await findReport(this.services.ctx, id);
    if (!report) throw new Open311Error(404, `service_request_id ${id} was not found`);
    const description = params.get('description') ?? '';
    if (description.length > DESCRIPTION_MAX)
      throw new Open311Error(400, `description is longer than ${DESCRIPTION_MAX} characters`);
    const author = [params.get('first_name'), params.get('last_name')].filter(Boolean).join(' ') || 'citizen';
    let updateId = 0;
    await this.services.ctx.workflow.apply({
      report,
      transition: null,
      action: 'citizen_update',
      actor: principal.actor(null),
      note: `${author} (${params.get('status') ?? 'update'}): ${description}`.slice(0, 8000),
      isPublic: false,
      notifyCitizen: false,
      then: async (_trx, _after, historyId) => {
        updateId = historyId;
      },
    });
    return [{ update_id: String(updateId) }];
  }

  #statuses(values: string[] | undefined): ReportStatus[] | undefined {
    if (!values) return undefined;
    if (values.some((value) => value !== 'open' && value !== 'closed'))
      throw new Open311Error(400, 'status must be open, closed or both');
    if (values.includes('open') && values.includes('closed')) return undefined;
    return values.includes('open') ? [...openStatuses] : [...closedStatuses];
  }

  async #present(rows: readonly Open311Row[]): Promise<XmlObject[]> {
    const names = await agencyNames(this.services.ctx);
    const base = this.services.ctx.settings.publicUrl.replace(/\/+$/, '');
    const context = {
      agencyName: (agencyId: string | null) => (agencyId ? (names.get(agencyId)?.vi ?? null) : null),
      photoUrl: (photoId: string) => `${base}/api/v1/feedback/photos/${photoId}`,
    };
    return rows.map((row) => presentRequest(row, context));
  }
}

/** lat+long, address_string or address_id: at least one (FixMyStreet's "not pinpointed" is none). */
function placeOf(params: Open311Params): {
  location: { latitude: number; longitude: number } | null;
  address: string | null;
} {
  const location = latLong(params);
  const addressId = params.get('address_id');
  const address = params.get('address_string') ?? null;
  if (!location && !address && !addressId)
    throw new Open311Error(400, 'A location is required: lat and long, address_string or address_id');
  const byId = addressId && addressId !== NOT_PINPOINTED ? `address_id ${addressId}` : null;
  return { location, address: address ?? byId };
}

function contactOf(params: Open311Params): {
  name: string | null;
  email: string | null;
  phone: string | null;
} {
  const name = [params.get('first_name'), params.get('last_name')].filter(Boolean).join(' ') || null;
  return { name, email: params.get('email') ?? null, phone: params.get('phone') ?? null };
}

/** Service errors in Open311 terms: the HTTP status follows Open311Error, the body keeps the detail. */
export function toOpen311Error(error: AppError): Open311Error {
  const code = error.status === 401 ? 403 : error.status;
  const message = translate(error.definition.message, 'en', error.params);
  return new Open311Error(code, code === 403 || code === 404 ? message : `${error.code}: ${message}`);
}
