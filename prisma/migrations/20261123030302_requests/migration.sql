-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'WAITING_ON_REQUESTER', 'RESOLVED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RequestEventKind" AS ENUM ('CREATED', 'COMMENTED', 'NOTE_ADDED', 'STATUS_CHANGED', 'ASSIGNED', 'TRANSFERRED', 'PROMISE_SET', 'RATED', 'REOPENED', 'SLA_WARNING', 'SLA_BREACHED');

-- CreateEnum
CREATE TYPE "SlaClock" AS ENUM ('FIRST_RESPONSE', 'RESOLUTION');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REQUEST_RECEIVED', 'REQUEST_ASSIGNED', 'REQUEST_REPLY', 'STATUS_CHANGED', 'PROMISE_CHANGED', 'REQUEST_TRANSFERRED', 'SLA_WARNING', 'SLA_BREACHED');

-- CreateEnum
CREATE TYPE "EmailPreference" AS ENUM ('IN_APP_ONLY', 'IMMEDIATE', 'DAILY_DIGEST');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "email_preference" "EmailPreference" NOT NULL DEFAULT 'IMMEDIATE';

-- CreateTable
CREATE TABLE "request_types" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "default_priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "first_response_target_minutes" INTEGER NOT NULL,
    "resolution_target_minutes" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "requests" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "requester_id" TEXT NOT NULL,
    "requesting_team_id" TEXT,
    "provider_team_id" TEXT NOT NULL,
    "type_id" TEXT NOT NULL,
    "assignee_id" TEXT,
    "priority" "Priority" NOT NULL DEFAULT 'NORMAL',
    "status" "RequestStatus" NOT NULL DEFAULT 'NEW',
    "due_at" DATE,
    "promised_at" DATE,
    "first_response_due_at" TIMESTAMPTZ(3) NOT NULL,
    "resolution_due_at" TIMESTAMPTZ(3) NOT NULL,
    "first_response_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "transfer_count" INTEGER NOT NULL DEFAULT 0,
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "submission_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_events" (
    "id" BIGSERIAL NOT NULL,
    "request_id" TEXT NOT NULL,
    "actor_id" TEXT,
    "kind" "RequestEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from_status" "RequestStatus",
    "to_status" "RequestStatus",
    "from_team_id" TEXT,
    "to_team_id" TEXT,
    "assignee_id" TEXT,
    "promised_at" DATE,
    "sla_clock" "SlaClock",
    "reason" TEXT,
    "comment_id" TEXT,

    CONSTRAINT "request_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_alerts" (
    "request_id" TEXT NOT NULL,
    "clock" "SlaClock" NOT NULL,
    "level" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_alerts_pkey" PRIMARY KEY ("request_id","clock","level","due_at")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "request_id" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "digested_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "request_types_team_id_name_key" ON "request_types"("team_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "requests_number_key" ON "requests"("number");

-- CreateIndex
CREATE UNIQUE INDEX "requests_submission_key_key" ON "requests"("submission_key");

-- CreateIndex
CREATE INDEX "requests_provider_team_id_status_created_at_id_idx" ON "requests"("provider_team_id", "status", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "requests_provider_team_id_created_at_id_idx" ON "requests"("provider_team_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "requests_provider_team_id_assignee_id_status_idx" ON "requests"("provider_team_id", "assignee_id", "status");

-- CreateIndex
CREATE INDEX "requests_provider_team_id_resolution_due_at_idx" ON "requests"("provider_team_id", "resolution_due_at");

-- CreateIndex
CREATE INDEX "requests_requester_id_created_at_idx" ON "requests"("requester_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "requests_requesting_team_id_created_at_idx" ON "requests"("requesting_team_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "requests_status_resolved_at_idx" ON "requests"("status", "resolved_at");

-- CreateIndex
CREATE INDEX "requests_status_first_response_due_at_idx" ON "requests"("status", "first_response_due_at");

-- CreateIndex
CREATE INDEX "requests_status_resolution_due_at_idx" ON "requests"("status", "resolution_due_at");

-- CreateIndex
CREATE INDEX "requests_title_trgm_idx" ON "requests" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "requests_body_trgm_idx" ON "requests" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "comments_submission_key_key" ON "comments"("submission_key");

-- CreateIndex
CREATE INDEX "comments_request_id_created_at_idx" ON "comments"("request_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "request_events_comment_id_key" ON "request_events"("comment_id");

-- CreateIndex
CREATE INDEX "request_events_request_id_at_id_idx" ON "request_events"("request_id", "at", "id");

-- CreateIndex
CREATE INDEX "request_events_kind_at_idx" ON "request_events"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_user_id_team_id_name_key" ON "saved_views"("user_id", "team_id", "name");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_requesting_team_id_fkey" FOREIGN KEY ("requesting_team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_provider_team_id_fkey" FOREIGN KEY ("provider_team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_type_id_fkey" FOREIGN KEY ("type_id") REFERENCES "request_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

