// Data for the scorecard tests, written with Prisma straight into the test file's database so a
// test chooses every time that the measures read: creation, first response, resolution, due
// dates, promises, ratings (first and re-rating) and recovery cases.
import crypto from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { prisma } from "~/utils/db.server";
import type { RecoveryStatus } from "~/generated/prisma/client";
import { createRequest, type CreateRequestOptions } from "./factories";

/** "2025-03-03 09:00" on the wall clock of `timeZone`, as an instant. */
export function wallClock(text: string, timeZone: string): Date {
  const [date, time = "00:00"] = text.split(" ") as [string, string?];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

export interface RatingFixture {
  overall: number;
  exceeded?: boolean;
  at: Date;
  comment?: string;
  availability?: number;
  responsiveness?: number;
}

export async function addRating(request: { id: string; requesterId: string }, kind: "FIRST" | "RERATING", rating: RatingFixture) {
  return prisma.rating.create({
    data: {
      id: crypto.randomUUID(),
      requestId: request.id,
      raterId: request.requesterId,
      kind,
      overall: rating.overall,
      exceededExpectations: rating.exceeded ?? false,
      availability: rating.availability ?? null,
      responsiveness: rating.responsiveness ?? null,
      comment: rating.comment ?? "",
      createdAt: rating.at,
    },
  });
}

export async function addRecoveryCase(
  request: { id: string; providerTeamId: string },
  ratingId: string,
  options: { status: RecoveryStatus; openedAt: Date; closedAt?: Date | null },
) {
  return prisma.recoveryCase.create({
    data: {
      id: crypto.randomUUID(),
      requestId: request.id,
      ratingId,
      teamId: request.providerTeamId,
      waitingOnTeamId: request.providerTeamId,
      status: options.status,
      acknowledgeDueAt: new Date(options.openedAt.getTime() + 2 * 86_400_000),
      closedAt: options.closedAt ?? null,
      createdAt: options.openedAt,
    },
  });
}

export interface ServedRequest extends CreateRequestOptions {
  providerTeamId: string;
  typeId: string;
  requesterId: string;
  first?: RatingFixture;
  /** A poor first rating's recovery case, closed at this time, and the re-rating after it. */
  recovery?: { closedAt: Date; rerating?: RatingFixture };
}

/** A request with its ratings and recovery case, as the app would have left them. */
export async function servedRequest(spec: ServedRequest) {
  const { first, recovery, ...options } = spec;
  const request = await createRequest(options);
  if (first) {
    const rating = await addRating(request, "FIRST", first);
    if (recovery) {
      await addRecoveryCase(request, rating.id, { status: "CLOSED", openedAt: first.at, closedAt: recovery.closedAt });
      if (recovery.rerating) await addRating(request, "RERATING", recovery.rerating);
    }
  }
  return request;
}
