// Enquiries (admin, front desk, prescriber, nurse): the queue of consultation
// requests from the public page and the phone. Admin and front desk also record
// phone enquiries and move enquiries on; the others only read.
import { useCallback, useState } from 'preact/hooks';
import type { ApiClient, Enquiry, EnquiryDetails, EnquiryFilter } from '../api';
import { ListStatus } from '../ui/ListStatus';
import { usePagedList } from '../ui/use_paged_list';
import { AddPhoneEnquiryForm } from './AddPhoneEnquiryForm';
import { EnquiryDetailPanel } from './EnquiryDetailPanel';
import { EnquiryQueue } from './EnquiryQueue';
import { EnquiryStatusFilter } from './EnquiryStatusFilter';
import { PublicRequestLink } from './PublicRequestLink';
import { usePublicClinic } from './use_public_clinic';

interface EnquiriesPageProps {
  api: ApiClient;
  /** The signed-in user's clinic, whose public request page is shown. */
  clinicId: string;
  /** Offer "Add phone enquiry" and the status buttons. */
  canManage: boolean;
}

export function EnquiriesPage({ api, clinicId, canManage }: EnquiriesPageProps) {
  const [filter, setFilter] = useState<EnquiryFilter>('open');
  const fetchPage = useCallback((cursor?: string) => api.listEnquiries(filter, cursor), [api, filter]);
  const queue = usePagedList(fetchPage);
  const clinic = usePublicClinic(api, clinicId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const changed = (updated: Enquiry, message: string) => {
    queue.updateItems((items) => items.map((e) => (e.id === updated.id ? updated : e)));
    setStatus(message);
  };

  const addPhoneEnquiry = async (details: EnquiryDetails) => {
    const created = await api.createPhoneEnquiry(details);
    setStatus(`Added the phone enquiry from ${created.given_name} ${created.family_name}.`);
    queue.reload();
    setSelectedId(created.id);
  };

  return (
    <div class="page">
      <h1>Enquiries</h1>
      <p role="status" class="notice-line">
        {status}
      </p>
      <div class="page-columns enquiry-columns">
        <div>
          <section class="panel wide" aria-labelledby="queue-heading">
            <h2 id="queue-heading">Queue</h2>
            <EnquiryStatusFilter value={filter} onChange={setFilter} />
            <EnquiryQueue enquiries={queue.items} conditions={clinic.conditions} selectedId={selectedId} onSelect={(e) => setSelectedId(e.id)} />
            <ListStatus list={queue} emptyText={filter === 'open' ? 'No open enquiries.' : 'No enquiries with this status.'} />
          </section>
          <PublicRequestLink clinicId={clinicId} />
        </div>
        {(selectedId || canManage) && (
          <div>
            {selectedId && (
              <EnquiryDetailPanel key={selectedId} api={api} id={selectedId} conditions={clinic.conditions} canManage={canManage} onChanged={changed} />
            )}
            {canManage && <AddPhoneEnquiryForm conditions={clinic.conditions} contactMethods={clinic.contact_methods} onAdd={addPhoneEnquiry} />}
          </div>
        )}
      </div>
    </div>
  );
}
