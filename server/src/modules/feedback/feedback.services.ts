import { AgencyService } from './agency.service';
import { BoardService } from './board.service';
import { CitizenService } from './citizen.service';
import { DeadlineJobs } from './deadline-jobs';
import type { FeedbackContext } from './feedback.context';
import { HubService } from './hub.service';
import { PhotosService } from './photos.service';
import { ReadsService } from './reads.service';
import { ReviewService } from './review.service';
import { RoutingService } from './routing.service';
import { SubmissionService } from './submission.service';

/** Every use-case service of the module; routes and jobs receive this bundle. */
export interface FeedbackServices {
  readonly ctx: FeedbackContext;
  readonly submissions: SubmissionService;
  readonly citizens: CitizenService;
  readonly hub: HubService;
  readonly agency: AgencyService;
  readonly review: ReviewService;
  readonly reads: ReadsService;
  readonly board: BoardService;
  readonly routing: RoutingService;
  readonly photos: PhotosService;
  readonly deadlines: DeadlineJobs;
}

export function createServices(ctx: FeedbackContext): FeedbackServices {
  return {
    ctx,
    submissions: new SubmissionService(ctx),
    citizens: new CitizenService(ctx),
    hub: new HubService(ctx),
    agency: new AgencyService(ctx),
    review: new ReviewService(ctx),
    reads: new ReadsService(ctx),
    board: new BoardService(ctx),
    routing: new RoutingService(ctx),
    photos: new PhotosService(ctx),
    deadlines: new DeadlineJobs(ctx),
  };
}
