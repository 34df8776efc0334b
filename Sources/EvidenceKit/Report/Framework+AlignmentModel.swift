extension Framework {
    /// The model of alignment as `alignment-model.md` defines it (ids are stable).
    ///
    /// The codebook is the source of truth for a run; this copy gives reports readable names
    /// when a codebook has none, and gives tests a framework without reading a file.
    public static let alignmentModel = Framework(
        factors: [
            FrameworkLabel(
                id: "clinical-engagement", name: "Clinical engagement",
                description: "Front-line clinicians' involvement in, ownership of, buy-in to, support for, scepticism about or resistance to QI work"),
            FrameworkLabel(
                id: "managerial-engagement", name: "Managerial engagement",
                description: "Managers' participation, commitment or support in QI where the level is senior or unstated"),
            FrameworkLabel(
                id: "middle-manager-role", name: "Middle-manager role",
                description: "Middle managers and what they do in QI: diffusing information, mediating between strategy and daily practice, selling the change, securing resources"),
            FrameworkLabel(
                id: "priority-alignment", name: "Alignment of priorities",
                description: "Congruence or conflict between clinical and managerial goals, interests, values or priorities"),
            FrameworkLabel(
                id: "incentives-motivation", name: "Incentives and motivation",
                description: "What motivates or rewards taking part: benefit to patients or staff, recognition, development, financial incentives"),
            FrameworkLabel(
                id: "resources-capacity", name: "Resources and capacity",
                description: "Time, workload, staffing, funding, protected time, QI skills and training, infrastructure, data support"),
            FrameworkLabel(
                id: "culture-hierarchy", name: "Culture and hierarchy",
                description: "Professional identity and autonomy, hierarchy and power, silos, trust, safety culture, organisational culture"),
            FrameworkLabel(
                id: "teamwork-communication", name: "Teamwork and communication",
                description: "Interdisciplinary collaboration, briefings, huddles, communication and feedback between staff groups and management"),
            FrameworkLabel(
                id: "measurement-evidence", name: "Measurement and evidence",
                description: "Measurement of quality, audit and feedback, data, evaluation design, effectiveness of QI, credibility of evidence"),
            FrameworkLabel(
                id: "intervention-fit", name: "Intervention design and fit",
                description: "Design, adaptation, co-design and local ownership of the intervention; complexity; fit with workflow; sustainability"),
        ],
        actors: [
            FrameworkLabel(
                id: "clinical-staff", name: "Clinical staff",
                description: "Doctors, nurses, midwives, allied health professionals, pharmacists, front-line clinical staff"),
            FrameworkLabel(
                id: "middle-managers", name: "Middle managers",
                description: "Ward, unit, department or service managers, nurse managers, matrons, clinical directors"),
            FrameworkLabel(
                id: "senior-managers", name: "Senior managers",
                description: "Executives, chief executives, boards, directors, senior leaders"),
            FrameworkLabel(
                id: "managers", name: "Managers (level not stated)",
                description: "Managers, management or managerial staff whose level is not stated"),
        ])
}
