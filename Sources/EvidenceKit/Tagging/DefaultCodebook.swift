// Generated from tags.yml at the repository root; a test keeps the two byte-identical.
// After editing tags.yml, regenerate with the command in docs/codebook.md ("Editing the
// default codebook").

/// The text of the default codebook (`tags.yml`), built into the tool so that it works
/// without any file.
let defaultCodebookYAML = #"""
# The default codebook of `evidence`: the model of alignment (Pannick, Sevdalis & Athanasiou,
# BMJ Qual Saf 2016) as rules over passages of the quality-improvement (QI) literature.
# Reference for every key: docs/codebook.md. Check a copy with `evidence codebook check FILE`.
version: 1

# Named term lists, used in rules as `$name`.
lists:
  # Words that put a passage in the world of QI, implementation and the organisation of care.
  qi-context: [quality improvement, improvement, improving, improve, QI, CQI, TQM, implement*, intervention*,
    innovation*, organisation*, organisational, institution*, hospital*, health care, healthcare,
    health service*, health system*, quality of care, care quality, patient safety, safety, quality,
    performance, engagement, manag*, leader*, staff, clinician*, physician*, nurse*, professional*,
    team*, collaborat*, practice*, programme*, change]
  clinicians: [clinician*, physician*, doctor*, nurse, nurses, nurse's, surgeon*, consultant, consultants,
    junior doctor*, general practitioner*, GP, GPs, PCP, PCPs, midwife, midwives, pharmacist*,
    anaesthetist*, anesthesiologist*, allied health professional*, health professional*,
    healthcare professional*, health care professional*, medical staff, nursing staff,
    clinical staff, front-line staff, front-line clinician*, front-line worker*, frontline nurse*,
    practitioner*, professionals, care providers, provider behaviour,
    medical profession, nursing profession]
  middle-managers: [middle manager*, middle management, middle-level manager*, mid-level manager*, nurse manager*,
    nursing manager*, nurse unit manager*, ward manager*, unit manager*, department manager*,
    departmental manager*, service manager*, matron*, clinical director*, clinical lead,
    clinical leads, directorate manager*, divisional manager*, clinical manager*, clinician-manager*,
    doctor-manager*, hybrid manager*, front-line manager*, first-line manager*, line manager*,
    nurse leader*, nursing leader*, nursing leadership, charge nurse*, head nurse*, ward sister*,
    team leader*, unit leader*, front-line leader*, nursing management, nurse unit leader*, ward leader*,
    department head*, departmental head*, head of department, heads of department, unit head*, head of service,
    heads of service, service lead, service leads, directorate lead*, divisional lead*, divisional director*,
    service line manager*, service line leader*, department chair*, division chief*, section chief*,
    chief of service, chiefs of service, nurse in charge, nurses in charge, shift leader*, nursing sister*,
    supervisor*, physician manager*, medical manager*, team manager*, local manager*, middle-level leader*,
    mid-level leader*, middle leader*]
  senior-managers: [executive*, chief executive*, CEO, CEOs, board, boards, board's, boards', board member*,
    board chair*, governing board*, board of directors, trustee*, director*, director of nursing,
    medical director*, senior manag*, senior leader*, senior leadership, senior-level, top manag*,
    top-level manag*, hospital leadership, organisational leadership, leadership team*,
    executive team*]
  managers: [manager, managers, manager's, managers', managerial, managerial staff, management staff,
    management team*, administrator*, hospital management,
    the management]
  # Phrases that use manager words for something else: never evidence about managers.
  not-managers: [data manager*, database manager*, project manager*, case manag*, care manag*, disease manag*,
    pain manag*, self-manag*, risk manag*, medication manag*, manag* of, management of,
    patient management, clinical management, time management, stress management,
    information management]
  not-boards: [board-certified, board certified, board certification, on board, review board*, ethics board*,
    editorial board*, institutional review board*, data safety monitoring board*,
    director of the study, study director*, directors of research, program director*,
    programme director*, residency director*]
  engagement: [engag*, involv*, participat*, take part, taking part, buy-in, ownership, commit*, interest,
    interests, interested, willing*, support*, supporter*, resist*, reluctan*, sceptic*, apath*,
    attitude*, champion*, lead, leads, leading, led, leadership, disengag*, contribut*, input, voice]
  negation-before: [no, not, lack of, lacking, lacks, lacked, absence of, absent, without, little, limited,
    insufficient, inadequate, poor, few, fewer, fail to, failed to, fails to, failure to,
    unable to, inability to, never, neither, nor, low, reduced, minimal, barely, hardly, weak, threaten*, undermin*,
    jeopardi*, hinder*, imped*, hamper*, poorly, not always, rarely, seldom, cannot, lack, the absence of,
    little or no, none]
  negation-after: [was lacking, were lacking, is lacking, are lacking, was absent, were absent, is absent,
    are absent, was low, were low, is low, are low, remains low, remained low, was limited,
    were limited, is limited, are limited, was poor, were poor, was insufficient, were insufficient]
  terminators: [but, however, although, though, whereas, yet, while, except, which, who, whom, that]

# NegEx-style cues: a cue within `window` words before (or after) a match, with no
# terminator or clause break (. ; : ! ?) in between, negates it.
negation:
  window: 4
  before: [$negation-before]
  after: [$negation-after]
  terminators: [$terminators]

# Hedging cues: words that frame a passage as a question or an aim rather than a finding
# ("to examine whether support ..."). Direction cues in their window are dropped. Modal
# verbs (may, might, could) are not listed: the QI literature states many of its findings
# that way ("managers may hold a pivotal role") and the gold labels count them.
hedging:
  window: 6
  before: [to assess, to examine, to explore, to identify, to evaluate, to investigate, to understand,
    to determine, to describe, to review, aim of, aims to, aimed to, whether, examined, explored, investigated,
    assessed, was to]
  terminators: [$terminators]

# Reference lists and acknowledgements are never evidence; results and discussion weigh as
# much as an abstract.
sections:
  skip: [references, reference list, bibliography, acknowledgement, acknowledgment, funding,
    competing interests, conflict of interest, author contributions, supplementary]
  weights: {results: 1.0, discussion: 1.0, conclusion: 1.0}

actors:
  - id: clinical-staff
    name: Clinical staff
    description: Doctors, nurses, allied health professionals, pharmacists and other front-line clinicians.
    rules:
      - id: clinicians
        terms: [$clinicians, clinical engagement, medical engagement, clinician engagement, clinical involvement,
          clinically led, clinician-led, physician-led, nurse-led, medical leadership, clinical leadership, providers,
          clinical nurse*, staff, frontline staff, health care workers, healthcare workers,
          nursing]
    exclude: [$middle-managers, $senior-managers, $not-managers, service providers, insurance providers,
      technology providers, training providers, nursing home*, support staff,
      administrative staff, management staff, managerial staff, project staff, study staff,
      research staff]

  - id: middle-managers
    name: Middle managers
    description: Ward, unit, department and service managers, nurse managers, matrons, clinical directors, hybrid clinician-managers.
    rules:
      - id: roles
        terms: [$middle-managers]

  - id: senior-managers
    name: Senior managers
    description: Executives, chief executives, boards, directors, senior leaders, top management.
    rules:
      - id: roles
        terms: [$senior-managers]
      - id: acronyms
        case-sensitive: true
        terms: [CEO, CEOs]
    exclude: [$not-boards, clinical director*, director of the, directorate manager*, art director*]

  - id: managers
    name: Managers (level not stated)
    description: Managers, management or managerial staff whose level is not stated.
    rules:
      - id: managers
        terms: [$managers]
    exclude: [$middle-managers, $senior-managers, $not-managers]

factors:
  - id: clinical-engagement
    name: Clinical engagement
    description: >-
      Front-line clinicians' involvement in, ownership of, buy-in to, support for, scepticism
      about or resistance to QI work.
    negated: barrier
    context: {scope: source, terms: [$qi-context]}
    rules:
      - id: engaged-clinicians
        all: [[$clinicians, clinical, medical, staff, frontline, front-line, practitioner, provider*], [$engagement]]
        within: 3
      - id: engagement-terms
        terms: [clinical engagement, clinician engagement, physician engagement, medical engagement,
          nurse engagement, staff engagement, professional engagement, clinical involvement,
          clinician involvement, physician involvement, physician participation, nurse participation,
          staff involvement, staff participation, clinical leadership, clinically led, clinician-led,
          physician-led, nurse-led, clinical champion*, physician champion*, resistance to change,
          engagement strateg*, buy-in, professional resistance]
    exclude: [board engagement, leadership engagement, manager* engagement, managerial engagement,
      executive engagement, $middle-managers]

  - id: managerial-engagement
    name: Managerial engagement
    description: >-
      Managers' participation, commitment or support in QI where the level is senior or unstated:
      executives, boards, chief executives, directors, management, managerial staff.
    negated: barrier
    context: {scope: source, terms: [$qi-context]}
    rules:
      - id: senior-and-unstated-managers
        terms: [$senior-managers, $managers, management support, managerial support, leadership support,
          leadership commitment, leadership engagement, management commitment, management engagement,
          board oversight, organisational leadership]
      - id: acronyms
        case-sensitive: true
        terms: [CEO, CEOs]
    exclude: [$not-managers, $not-boards, $middle-managers, clinical director*]

  - id: middle-manager-role
    name: Middle-manager role
    description: >-
      Middle managers and what they do in QI: diffusing and synthesising information, mediating
      between strategy and daily practice, selling or championing the change, securing resources.
    negated: barrier
    context: {scope: source, terms: [$qi-context]}
    rules:
      - id: middle-managers
        terms: [middle manager*, middle management, middle-level manager*, mid-level manager*,
          front-line manager*, first-line manager*, knowledge broker*]
      - id: middle-managers-in-role
        all: [[$middle-managers], [role, roles, pivotal, influence*, lead*, support*, commit*, champion*, mediat*, broker*, diffus*,
          synthesi*, sell*, implement*, facilitat*, success, strateg*, partnership, buy-in, culture,
          engag*]]
        within: 8
    exclude: [$not-managers]

  - id: priority-alignment
    name: Alignment of priorities
    description: >-
      Congruence or conflict between clinical and managerial goals, interests, values or priorities;
      shared aims; competing agendas; tension between targets, finance and clinical quality.
    negated: barrier
    rules:
      - id: alignment-terms
        terms: [alignment, aligned, align, aligning, misalign*, top priority, top priorities, priorities,
          competing priorities, competing demands, competing agendas, competing goals,
          conflicting priorities, conflicting goals, conflicting demands, shared goals, shared aims,
          shared vision, common goals, common purpose, quality agenda, congruen*, incongruen*, clash of,
          goal conflict*, differing priorities, different priorities, tension between, tensions between,
          clinical and managerial]
      - id: aims-meet
        all: [[goal*, priorit*, interest*, value*, agenda*, aims, objective*], [clinical, managerial, organisational, professional, physician*, nurse*, manager*, shared,
          alignment, align*, conflict*, compet*, tension*]]
        within: 2
        weight: 0.5
      - id: groups-differ
        all: [[$clinicians, $middle-managers, $managers], [differ*, divergent, disagree*, both, agree*]]
        within: 6
        weight: 0.5

  - id: incentives-motivation
    name: Incentives and motivation
    description: >-
      What motivates or rewards taking part: perceived benefit to patients or staff, recognition,
      professional development, financial incentives, pay-for-performance, intrinsic motivation.
    negated: barrier
    rules:
      - id: incentive-terms
        terms: [incentiv*, disincentiv*, pay-for-performance, pay for performance, value-based purchasing, P4P,
          bonus*, reward*, recognition, motivat*, demotivat*, compensation, remunerat*, payment reform,
          payment*, reimburs*, financial penalt*, sanctions, intrinsic, extrinsic, professional values,
          professional ethics, perceived benefit*, personal benefit*, job satisfaction,
          career*, professional development]
      - id: benefit-to-people
        all: [[benefit*, beneficial], [patient*, staff, $clinicians, nursing, practice]]
        within: 4

  - id: resources-capacity
    name: Resources and capacity
    description: >-
      Time, workload, staffing, funding, protected time, QI skills and training, infrastructure,
      data and analytic support.
    negated: barrier
    rules:
      - id: resource-terms
        terms: [resource*, capacity, capacities, protected time, designated time, dedicated time, time pressure*,
          lack of time, time constraint*, workload*, work load, staffing, understaff*, staff shortage*,
          shortage*, funding, funded, underfund*, financial support, budget*, infrastructure, investment,
          training, skill*, expertise, knowledge and skills, administrative support, analytic support,
          analytical support, data support, IT support, skill mix, access to]
      - id: time-given
        all: [[time], [designat*, protect*, dedicat*, allocat*, lack, pressure*, constraint*, insufficient, schedul*,
          work hours, work-hour, release*, free up]]
        within: 4
    exclude: [financial incentive*, access to care, time series, real time, time point*, over time, study time]

  - id: culture-hierarchy
    name: Culture and hierarchy
    description: >-
      Professional identity and autonomy, hierarchy and power, professional silos, trust, safety
      culture, blame, organisational culture and climate.
    negated: barrier
    rules:
      - id: culture-terms
        terms: [culture*, cultural, climate*, hierarch*, professional boundar*, inter-professional boundar*,
          intra-professional boundar*, boundaries, silo*, siloed, tribalism, trust, mistrust, distrust,
          blame*, just culture, safety culture, professional identit*, identities, autonomy, power, status,
          professional role*, professional values, norms, respect*, bullying, morale,
          psychological safety, speaking up, speak up, fear*, values]
    exclude: [cell culture*, blood culture*, culture medium, tissue culture*, culture-positive, urine culture*,
      climate change, respectively, power calculation*, statistical power, status quo, health status, vital status,
      socioeconomic status, performance status]

  - id: teamwork-communication
    name: Teamwork and communication
    description: >-
      Interdisciplinary or multidisciplinary collaboration, briefings, huddles, ward rounds,
      communication between staff groups, feedback loops between front line and management.
    negated: barrier
    rules:
      - id: teamwork-terms
        terms: [teamwork, team work, team-work, team working, teamworking, interdisciplinary, multidisciplinary,
          multi-disciplinary, interprofessional, inter-professional, team functioning, team performance,
          team goal*, team climate, team-based, team briefing*, briefing*, debrief*, huddle*, ward round*,
          bedside rounds, interdisciplinary rounds, communicat*, collaborat*, cooperat*, co-operat*,
          coordinat*, interaction*, relationships, conversations, partnership*, network*, liaison,
          handover*, handoff*, hand-off*, information sharing, speaking-up, speak-up, working together,
          work together]
      - id: team-acronyms
        case-sensitive: true
        terms: [MDT*]
    exclude: [improvement collaborative*, quality collaborative*, collaboratives, Cochrane Collaboration,
      research network*, neural network*, social network analysis, drug interaction*,
      interaction term*, significant relationship*, positive relationship*, negative relationship*,
      weak relationship*, strong relationship*, statistical relationship*, linear relationship*]

  - id: measurement-evidence
    name: Measurement and evidence
    description: >-
      Measurement of quality, audit and feedback, data, evaluation design, effectiveness of QI,
      secular trends, credibility of evidence.
    rules:
      - id: measurement-terms
        terms: [measur*, audit*, feedback, indicator*, metric*, benchmark*, evaluat*, effectiveness, evidence base,
          public reporting, publicly reported, report card*, performance report*, monitor*, randomis*,
          controlled design, controlled trial*, secular trend*, timely data, quality data, outcome measure*, scores,
          reporting standards, improvement science, bias, rigor*, rigour*, heterogeneity, conceptual framework*,
          meta-analys*, quantif*, data quality, access to data, nonrandomi*, non-randomi*, quasi-experimental,
          before-and-after, before-after, pre-post, interrupted time series,
          statistical process control, run chart*, control chart*, dashboard*, scorecard*, league table*,
          performance data, confound*, regression to the mean, validity, reliability, counterfactual,
          strength of evidence, quality of evidence, quality of the evidence, credib*, generalisab*,
          surveillance, baseline data, process measure*, quality measure*, outcome data]
      # Words that are evidence of this factor only in company: two of them, or one with a
      # measurement term, reach the threshold.
      - id: weak-terms
        weight: 0.5
        terms: [evidence, empirical, impact, effects, effect on, assessment, data, study design*, designs,
          research design, frameworks, outcomes, performance, trials, systematic review*, literature review*,
          review of the literature, uncontrolled, data collection]
    # Literature-search and data-extraction boilerplate of methods sections, and a construct of
    # implementation research (implementation effectiveness: consistent, skilled use), not measurement.
    exclude: [evidence-based, evidence based, register of controlled trials, Cochrane Central Register,
      data extraction, extracted data, data were extracted, data sources, data source, quality assessment,
      implementation effectiveness, high reliability, high-reliability]

  - id: intervention-fit
    name: Intervention design and fit
    description: >-
      How the intervention is designed, adapted, co-designed or owned locally; complexity; fit with
      workflow; fidelity; sustainability and spread.
    negated: barrier
    rules:
      - id: design-terms
        terms: [redesign*, co-design*, co-produc*, adapt*, tailor*, workflow*, fidelity, sustainab*, spread,
          scale up, scaling up, scale-up, standardi*, standardis*, methodolog*, feasib*, uptake,
          dissemination, disseminated, microsystem*, intervention design, designed, local ownership,
          local context, fit with, one-size-fits-all, sustainment, spreading,
          scalab*, scaled up, roll-out, rolled out, rolling out, transferab*,
          implementation fidelity, implementation strateg*, implementation approach*, implementation process*,
          implementation science, intervention component*, core component*, complex intervention*,
          intervention complexity, complexity of the intervention, context-specific, contextual factor*,
          local adaptation*, local tailoring, locally adapted, locally developed, ownership of the intervention,
          QI method*, improvement method*, QI approach*, improvement approach*, QI model*, improvement model*,
          PDSA, plan-do-study-act, plan-do-check-act, lean, six sigma, rapid cycle*, model for improvement,
          fit for purpose, integrat* into, embedded in, embedding, routinis*, institutionalis*,
          approach to QI, approach to quality improvement, approaches to QI, approaches to quality improvement]
      # Sustaining, adopting or replicating counts when it is said of the change itself.
      - id: change-lifecycle
        all: [[sustain*, adopt*, adoption, replicat*, spread], [improvement*, change*, intervention*, innovation*,
          programme*, initiative*, gains, practice*, project*, guideline*, model*]]
        within: 3
    exclude: [study design*, research design*, qualitative design, cross-sectional design*, controlled design,
      design limitation*, we designed, designed this study, study was designed, research methodolog*,
      qualitative methodolog*, quantitative methodolog*, study methodolog*, review methodolog*,
      sustained release, adoption of evidence, goodness of fit, lean body, lean mass]

direction:
  - id: barrier
    name: Barrier
    description: Something hindering QI or participation (lack of time, resistance, conflict, impeded, challenge, obstacle, no support).
    negated: drop
    hedged: drop
    context:
      labels: [clinical-engagement, managerial-engagement, middle-manager-role, priority-alignment,
        incentives-motivation, resources-capacity, culture-hierarchy, teamwork-communication,
        intervention-fit, any-actor]
      terms: [quality improvement, QI, CQI, improvement, implementation, implementing]
    rules:
      - id: barrier-cues
        terms: [barrier*, obstacle*, challeng*, hinder*, imped*, hamper*, constrain*, constraint*, resist*,
          reluctan*, sceptic*, lack of, lacking, lacked, shortage*, insufficient, inadequate,
          fail*, failure*, difficult*, struggle*, tension*, conflict*, threat*, undermin*, jeopardi*,
          prevent*, burden*, pressure*, disengage*, dysfunctional, unintended, adverse, tribalism, siloed,
          misplaced, gaming, bullying, blame*, deficien*, divergent, pitfall*, drawback*, inconsisten*,
          dearth, scarcity, absence of, fear*, concerns, danger*, limitation*, dysfunction*, negative effect*,
          negative impact*, negative consequence*, damag*, disbenefit*, inhibit*, stifl*, deterrent*, deterred, deters, deterring,
          counterproductive, counter-productive, ineffective, unsuccessful, obstruct*]
    exclude: [blood pressure, pressure ulcer*, facilitate or impede, facilitate or hinder, help or hinder,
      enable or hinder, barriers or facilitators, facilitators or barriers, barriers and facilitators, facilitators and barriers, barriers to and facilitators,
      facilitators of and barriers, prevention, preventing harm, to prevent]

  - id: facilitator
    name: Facilitator
    description: Something enabling QI or participation (support, incentive, facilitated, enabled, champions, motivated, protected time given).
    opposite: barrier
    negated: flip
    hedged: drop
    context:
      labels: [clinical-engagement, managerial-engagement, middle-manager-role, priority-alignment,
        incentives-motivation, resources-capacity, culture-hierarchy, teamwork-communication,
        intervention-fit, any-actor]
    rules:
      - id: facilitator-cues
        terms: [facilitat*, enabl*, support, supported, supporting, supportive, supports, promot*, enhanc*,
          encourag*, motivat*, incentiv*, champion*, reward*, key role, pivotal, crucial, essential,
          strengthen*, foster*, empower*, helped, contribute to, contributes to, contributed to,
          associated with improv*, associated with better, associated with higher, protected time,
          designated time, leverag*, buy-in, ownership, investment, proactiv*, committed, success factor*,
          key to, instrumental, change agent*, agents of change, champions of change, strongly associated,
          positively associated, positive association*, positive relationship*, positive effect*,
          positive impact, want to, wanted to, wants to, willing*, eager*, keen to, works well, worked well,
          work well]
      - id: weak-cues
        weight: 1
        terms: [benefit*, success*, critical, positive, positively, help, helps, partnership, improved, improve,
          improves, improving, better, higher, superior, opportunit*, drive, driving,
          most important, important role, valu*, contribution*]
    exclude: [facilitate or impede, facilitate or hinder, help or hinder, enable or hinder, barriers or facilitators,
      facilitators or barriers, barriers and facilitators, facilitators and barriers, quality improvement, improvement project*,
      improvement effort*, improvement initiative*, improvement process*, improve quality,
      improving quality, improvement collaborative*, QI, improvement programme*, to improve,
      aims to improve, aimed to improve, opportunity for improvement, effective care, effectiveness,
      cost effectiveness, better understand, to better, critically]

"""#
