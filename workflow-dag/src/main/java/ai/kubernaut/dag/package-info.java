package ai.kubernaut.dag;
