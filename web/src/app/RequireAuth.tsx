import { Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingBlock } from '../components/StatusBlocks';
import { hasAnyRole, type Role } from '../features/auth/roles';
import { useSession } from '../features/auth/session';
import { Forbidden } from './StatusPages';

/** Sends anyone not signed in to the login page, remembering where they were going. */
export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingBlock />;
  if (session.isError)
    return (
      <Container py="xl">
        <ErrorAlert error={session.error} />
      </Container>
    );
  if (!session.data)
    return <Navigate to="/console/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** A page for some roles only: a clear refusal instead of a page of failing requests. */
export function RoleGate({
  roles,
  children,
}: {
  readonly roles?: readonly Role[];
  readonly children: ReactNode;
}) {
  const session = useSession();
  if (roles && !hasAnyRole(session.data?.user.grants, roles)) return <Forbidden />;
  return children;
}
