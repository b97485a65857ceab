import KubeReachCLI

KubeReach.main()
