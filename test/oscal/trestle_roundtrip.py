"""The independent half of the OSCAL round trip, run by test/oscal-trestle.test.ts with
compliance-trestle (IBM's OSCAL library) from the virtual environment test/oscal/setup.sh makes.

  read-results FILE   load an assessment-results document with trestle's models (validating
                      it); print what it holds as JSON; exit 1 with trestle's reason if it fails
  write-catalog FILE  write a small catalog (groups, controls, an enhancement) with trestle
"""
import json
import pathlib
import sys
import uuid
from datetime import datetime, timezone

from trestle.oscal import OSCAL_VERSION
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog, Control, Group2
from trestle.oscal.common import Metadata, Property


def read_results(path: pathlib.Path) -> None:
    results = AssessmentResults.oscal_read(path)
    findings = [f for r in results.results for f in (r.findings or [])]
    print(json.dumps({
        'title': results.metadata.title,
        'results': len(results.results),
        'findings': len(findings),
        'satisfied': sum(1 for f in findings if f.target.status.state.value == 'satisfied'),
        'observations': sum(len(r.observations or []) for r in results.results),
    }))


def write_catalog(path: pathlib.Path) -> None:
    def control(cid: str, title: str, label: str, children=None) -> Control:
        return Control(id=cid, title=title, props=[Property(name='label', value=label)], controls=children)

    catalog = Catalog(
        uuid=str(uuid.uuid4()),
        metadata=Metadata(title='Plant security baseline', last_modified=datetime.now(timezone.utc), version='2026.1', oscal_version=OSCAL_VERSION),
        groups=[
            Group2(id='ac', title='Access control', controls=[
                control('ac-1', 'Access control policy', 'AC-1'),
                control('ac-2', 'Account management', 'AC-2', [control('ac-2.1', 'Automated account management', 'AC-2(1)')]),
            ]),
            Group2(id='sc', title='System and communications protection', controls=[control('sc-7', 'Boundary protection', 'SC-7')]),
        ],
    )
    catalog.oscal_write(path)


if __name__ == '__main__':
    command, file = sys.argv[1], pathlib.Path(sys.argv[2])
    {'read-results': read_results, 'write-catalog': write_catalog}[command](file)
